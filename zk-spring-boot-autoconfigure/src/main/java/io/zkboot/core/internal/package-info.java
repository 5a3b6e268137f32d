/**
 * Helpers that several packages share and that are not part of the starter's API: they may
 * change in any release.
 */
@NullMarked
package io.zkboot.core.internal;

import org.jspecify.annotations.NullMarked;
