package org.blackstart.app.notice.template;

/**
 * What is wrong with one part of a template set, for the person who wrote it.
 *
 * @param part    {@code subject}, {@code text}, ... (see {@link TemplatePart#code()})
 * @param line    line in the part, from 1; {@code null} when the problem is the whole part (a limit)
 * @param message what is wrong and, where it helps, what to do
 */
public record TemplateProblem(String part, Integer line, String message) {

    @Override
    public String toString() {
        return part + (line == null ? "" : " line " + line) + ": " + message;
    }
}
