package io.codeanatomy.runtime.plugin;

/**
 * The plugin set cannot make a session: a plugin fails to load, two plugins clash, or their
 * dependencies do not resolve. The message names the plugins involved.
 */
public final class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
