/**
 * The {@code zk} command-line tool, like zc.zk's scripts: get, ls, create, set, rm, ln, export,
 * import, validate and watch, on one Curator client per run.
 */
@NullMarked
package io.zkboot.cli;

import org.jspecify.annotations.NullMarked;
