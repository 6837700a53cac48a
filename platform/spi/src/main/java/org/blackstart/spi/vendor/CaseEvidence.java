package org.blackstart.spi.vendor;

/**
 * The platform's evidence for a vendor case step. Files can be large, so they are not process
 * variables: the plugin asks for them when it sends.
 */
public interface CaseEvidence {

    /**
     * For {@code open}: the incident summary, a timeline excerpt, the alerts and the files the
     * commander added for this vendor. For later steps: the files added with this step only, and
     * no summary.
     */
    EvidenceBundle forStep(VendorCase step);
}
