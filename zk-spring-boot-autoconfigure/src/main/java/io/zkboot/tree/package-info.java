/**
 * zc.zk's tree text format on a live ZooKeeper: parse a text, export a subtree, plan and apply
 * an import, resolve symbolic links and read property links. {@code ZkTree} is the entry point;
 * the package has no Spring types.
 */
@NullMarked
package io.zkboot.tree;

import org.jspecify.annotations.NullMarked;
