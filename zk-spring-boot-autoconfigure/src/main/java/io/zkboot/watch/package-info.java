/**
 * Watching nodes: {@code @ZkWatch} bean methods, data and children watches that follow links,
 * and live properties and children views ({@code ZkViews}).
 */
@NullMarked
package io.zkboot.watch;

import org.jspecify.annotations.NullMarked;
