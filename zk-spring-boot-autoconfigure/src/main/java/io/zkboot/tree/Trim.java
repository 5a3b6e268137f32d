package io.zkboot.tree;

/**
 * What an import does with existing nodes that the text does not list (zc.zk's tri-state
 * {@code trim} option). Children of the import path are never trimmed.
 */
public enum Trim {

	/** Leave them and report {@code extra path not trimmed: /p} (zc.zk's default, {@code trim=None}). */
	WARN,

	/** Leave them silently ({@code trim=False}). */
	KEEP,

	/** Delete them, except ephemeral nodes and nodes holding ephemeral nodes ({@code trim=True}). */
	DELETE
}
