package org.blackstart.app.incident;

/** How bad an incident is, SEV1 the worst. */
public enum Severity { SEV1, SEV2, SEV3, SEV4 }
