package org.blackstart.app.api;

import java.util.OptionalLong;

/**
 * A feature's own body limit for the {@code /api} paths it receives files on, larger than
 * {@code blackstart.api.max-request-size}; {@link RequestSizeLimitFilter} asks every such bean.
 */
public interface RequestBodyLimit {

    /** @param path the request path without the context path, e.g. {@code /api/incidents/INC-2026-0001/...} */
    OptionalLong limitFor(String path);
}
