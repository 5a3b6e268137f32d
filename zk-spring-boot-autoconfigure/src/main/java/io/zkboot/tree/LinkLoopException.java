package io.zkboot.tree;

import java.util.List;

/**
 * Symbolic or property links that lead back to where they started.
 */
public class LinkLoopException extends RuntimeException {

    private final List<String> paths;

    /**
     * Creates the exception.
     *
     * @param paths the paths followed, ending with the one seen before
     */
    public LinkLoopException(List<String> paths) {
        super("link loop: " + String.join(" -> ", paths));
        this.paths = List.copyOf(paths);
    }

    /**
     * Returns the paths followed, ending with the one seen before.
     *
     * @return the paths in order
     */
    public List<String> paths() {
        return paths;
    }
}
