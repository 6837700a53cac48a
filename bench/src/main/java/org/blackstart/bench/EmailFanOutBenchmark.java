package org.blackstart.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * E-mail fan-out throughput, 10,000 and 100,000 recipients: the e-mail plugin's route with the
 * platform's ledger and audience table on ({@link EmailSubject}) against a plain JavaMail loop
 * ({@link EmailBaseline}), both sending to the same local SMTP sink ({@link SmtpSink}) in the same
 * run, in alternating rounds (baseline first in odd rounds, subject first in even ones). Each
 * round is a new notice, so the subject never skips anything as sent before.
 *
 * <p>Options (system properties): {@code bench.email.sizes} (default {@code 10000,100000}),
 * {@code bench.email.rounds} (rounds per size for sizes up to 10,000, default 4),
 * {@code bench.email.roundsLarge} (for larger sizes, default 2), {@code bench.email.connections}
 * (the plugin's connections, default 2, its default), {@code bench.email.warmup} (messages per side
 * before measuring, default 5000), {@code bench.jar}, {@code bench.keep}.
 */
public final class EmailFanOutBenchmark {

    private static final String SUBJECT = "Mail delivery delayed";
    private static final String TEXT = """
            Since 23:45 CET, incoming mail for some customers is delayed by up to 40 minutes.

            No mail is lost: every message is queued and will be delivered as soon as the
            storage cluster accepts writes again. Outgoing mail is not affected.

            We will send the next update within the hour, or as soon as anything changes.
            Status page: https://status.hosting.example/incidents/INC-2026-0001
            """;
    private static final String HTML = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + SUBJECT
            + "</title></head><body><p>" + TEXT.strip().replace("\n\n", "</p><p>").replace("\n", "<br>")
            + "</p></body></html>";

    private EmailFanOutBenchmark() {
    }

    record Round(String side, int size, int round, int messages, Duration took) {
        double perSecond() {
            return messages / (took.toNanos() / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("bench.email.sizes", "10000,100000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        int rounds = Integer.getInteger("bench.email.rounds", 4);
        int roundsLarge = Integer.getInteger("bench.email.roundsLarge", 2);
        int connections = Integer.getInteger("bench.email.connections", 2);
        int warmup = Integer.getInteger("bench.email.warmup", 5000);
        Path jar = Paths.get(System.getProperty("bench.jar", args.length > 0 ? args[0] : "platform/app/target/blackstart.jar"));
        boolean keep = Boolean.getBoolean("bench.keep");
        Path scratch = Files.createTempDirectory("blackstart-email-bench");

        List<Round> results = new ArrayList<>();
        int notices = 0;
        try (SmtpSink sink = new SmtpSink();
             EmailSubject subject = new EmailSubject(jar, scratch, sink.port(), connections)) {
            BenchConsole.progress("SMTP sink on 127.0.0.1:" + sink.port() + ", subject with " + connections
                    + " connection(s), ledger and audience on " + scratch.resolve("subject") + ".mv.db");
            // Warm-up: both sides once, not recorded (JIT, H2's file, the sink's threads).
            run(sink, subject, "baseline", warmup, 0, ++notices);
            run(sink, subject, "subject", warmup, 0, ++notices);
            for (int size : sizes) {
                int n = size <= 10_000 ? rounds : roundsLarge;
                for (int round = 1; round <= n; round++) {
                    boolean baselineFirst = round % 2 == 1;
                    for (String side : baselineFirst ? List.of("baseline", "subject") : List.of("subject", "baseline")) {
                        Round result = run(sink, subject, side, size, round, ++notices);
                        results.add(result);
                        BenchConsole.progress(String.format(Locale.ROOT, "%,d recipients, round %d, %s: %.0f messages/s (%.1f s)",
                                size, round, side, result.perSecond(), result.took().toMillis() / 1000.0));
                    }
                }
            }
        } finally {
            if (!keep) {
                BenchConsole.deleteTree(scratch);
            }
        }
        System.out.println(report(results, sizes, connections));
    }

    private static Round run(SmtpSink sink, EmailSubject subject, String side, int size, int round, int notice)
            throws Exception {
        String incident = "INC-2026-%04d".formatted(notice);
        String step = "initial";
        List<String> recipients = IntStream.range(0, size)
                .mapToObj(i -> "customer-%06d@n%04d.example".formatted(i, notice)).toList();
        if (side.equals("subject")) {
            subject.draftAudience(incident, step, recipients);
        }
        sink.reset();
        long start = System.nanoTime();
        int sent = side.equals("subject")
                ? subject.send(incident, step, SUBJECT, TEXT, HTML)
                : EmailBaseline.send(sink.port(), incident, step, recipients, SUBJECT, TEXT, HTML);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (sent != size || sink.messages() != size || sink.distinctRecipients() != size) {
            throw new IllegalStateException(side + " sent " + sent + " of " + size + "; the sink received " + sink.messages()
                    + " messages to " + sink.distinctRecipients() + " recipients");
        }
        if (side.equals("subject") && subject.recordedSent(incident, step) != size) {
            throw new IllegalStateException("the ledger recorded " + subject.recordedSent(incident, step) + " of " + size);
        }
        return new Round(side, size, round, size, took);
    }

    static String report(List<Round> results, List<Integer> sizes, int connections) {
        StringBuilder out = new StringBuilder();
        out.append("\n| recipients | round | baseline: JavaMail loop, 1 connection (messages/s) | Blackstart route, ledger on, ")
                .append(connections).append(" connection(s) (messages/s) | ratio |\n|---:|---:|---:|---:|---:|\n");
        for (int size : sizes) {
            double baselineTotal = 0;
            double subjectTotal = 0;
            double baselineSeconds = 0;
            double subjectSeconds = 0;
            int rounds = (int) results.stream().filter(r -> r.size() == size).mapToInt(Round::round).max().orElse(0);
            for (int round = 1; round <= rounds; round++) {
                Round b = find(results, "baseline", size, round);
                Round s = find(results, "subject", size, round);
                out.append(String.format(Locale.ROOT, "| %,d | %d | %.0f (%.1f s) | %.0f (%.1f s) | %.2f |%n", size, round,
                        b.perSecond(), b.took().toMillis() / 1000.0, s.perSecond(), s.took().toMillis() / 1000.0,
                        s.perSecond() / b.perSecond()));
                baselineTotal += b.messages();
                subjectTotal += s.messages();
                baselineSeconds += b.took().toNanos() / 1e9;
                subjectSeconds += s.took().toNanos() / 1e9;
            }
            double baselineRate = baselineTotal / baselineSeconds;
            double subjectRate = subjectTotal / subjectSeconds;
            out.append(String.format(Locale.ROOT, "| **%,d** | all | **%.0f** | **%.0f** | **%.2f** (goal ≥ 0.8: %s) |%n",
                    size, baselineRate, subjectRate, subjectRate / baselineRate, subjectRate / baselineRate >= 0.8 ? "met" : "NOT met"));
        }
        out.append("\nload average at the end: ").append(BenchConsole.loadAverage()).append('\n');
        return out.toString();
    }

    private static Round find(List<Round> results, String side, int size, int round) {
        return results.stream().filter(r -> r.side().equals(side) && r.size() == size && r.round() == round).findFirst()
                .orElseThrow();
    }
}
