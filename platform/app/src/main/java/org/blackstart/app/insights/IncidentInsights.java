package org.blackstart.app.insights;

/**
 * The figures learnt across incidents, whatever store computes them. Test incidents and scheduled
 * maintenance never count.
 */
public interface IncidentInsights {

    /** The figures for {@code query}; {@link Insights#engine()} names the store that computed them. */
    Insights figures(InsightsQuery query);
}
