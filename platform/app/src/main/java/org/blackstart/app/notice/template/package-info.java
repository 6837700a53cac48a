/**
 * Notice templates: the words of a customer notice for every channel, per phase and language.
 *
 * <p><b>Sets.</b> One template set per (phase, language); phases in {@link org.blackstart.app.notice.template.NoticePhases},
 * languages as primary subtags ({@code en}, {@code nl}, {@code de}, {@code fr} are bundled). A set has the parts
 * of {@link org.blackstart.app.notice.template.TemplatePart}: {@code subject}, {@code text} (plain-text e-mail),
 * {@code html} (the HTML e-mail layout around the text), {@code sms}, {@code phone} (the script an agent reads
 * when calling a key account), {@code x}, {@code mastodon} and {@code statuspage}.
 *
 * <p><b>Bundled files.</b> {@code notices/sets/<phase>.<language>.mustache} on the classpath, one file per set.
 * Each part starts at a header line {@code === <part> ===} and runs to the next header; blank lines at its end
 * are dropped; text before the first header describes the file and is ignored. Every part must be present.
 * The sets are validated at start-up: a broken one stops the application with the file, part and line.
 *
 * <p><b>Engine.</b> Mustache (jmustache), which has no code to run. The variables are those of
 * {@link org.blackstart.app.notice.template.NoticeVariables}, and nothing else is reachable: no method calls,
 * no fields, no partials, no delimiter changes. {@code affectedServices} and, in {@code html} only,
 * {@code paragraphs} are lists: {@code {{#affectedServices}}{{.}}{{^-last}}, {{/-last}}{{/affectedServices}}}
 * iterates, {@code {{affectedServices}}} prints them joined with commas. An empty value is false in a
 * section, so {@code {{#nextUpdate}}...{{/nextUpdate}}} prints only when there is a next update.
 * {@code html} is HTML-escaped, the other parts are not.
 *
 * <p><b>Save-time checks</b> ({@code TemplateValidator}): syntax with part and line; unknown names; {@code paragraphs}
 * outside {@code html}; {@code customerName} outside {@code subject}, {@code text} and {@code phone}; {@code html}
 * must show {@code paragraphs} so it follows the agent's edits of the text; then, rendered with the sample
 * data: every part non-empty, {@code subject} one line of at most 200 characters, {@code x} at most 280 as X
 * counts and linking to the status page, {@code mastodon} at most 500. An SMS over one segment is reported,
 * not refused.
 *
 * <p><b>Rendering</b> ({@link org.blackstart.app.notice.template.NoticeTemplates}): a custom set saved through
 * {@code /api/notice-templates} replaces the bundled one of its phase and language. Language fallback: the
 * requested primary subtag, then {@code blackstart.notices.default-language}, then {@code en}. With real data
 * the X post is shortened to 280 and the Mastodon post to 500, keeping the link; nothing else can fail.
 */
package org.blackstart.app.notice.template;
