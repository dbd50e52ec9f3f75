package io.dictum.core.drafting;

import io.dictum.templates.docx.DocxBuilder;
import io.dictum.templates.docx.DocxPdfRenderer;
import io.dictum.templates.docx.DocxTemplate;
import io.dictum.templates.docx.Filled;
import io.dictum.templates.docx.OnMissing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;

/**
 * Demand letters filled per second in process (the starter template, every placeholder filled, the .docx written),
 * beside the baseline of docx4j loading the same file, reading its body and saving it, measured in one run; then
 * PDF rendering times. Run it with scripts/bench-templates. Storage as a case document (Tika extraction, hashing,
 * database rows) is not included: it is the document upload path, the same for any file.
 */
public final class DraftingBenchmark {

    public static void main(String[] args) throws Exception {
        // As the application runs: Spring Boot logs at INFO, with org.docx4j at WARN (docx4j reports every package
        // it reads at INFO, which costs time and says nothing an operator needs).
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.docx4j"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int threads = Runtime.getRuntime().availableProcessors();
        byte[] template = StarterTemplates.demandLetter();
        DocxTemplate demand = DocxTemplate.read(template);
        Map<String, Object> values = Placeholders.samples();
        Filled check = demand.fill(values, OnMissing.FAIL);
        if (!check.complete()) {
            throw new IllegalStateException("the sample values leave " + check.missing() + " missing");
        }
        System.out.printf(Locale.ROOT, "Demand letter template: %d bytes; filled draft: %d bytes; %d cores%n",
                template.length, check.docx().length, threads);

        Runnable fill = () -> demand.fill(values, OnMissing.FAIL);
        Runnable baseline = () -> {
            try {
                WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(template));
                // docx4j reads a part's XML on first use; the body must be read for the baseline to be fair.
                if (pkg.getMainDocumentPart().getContent().isEmpty()) {
                    throw new IllegalStateException("empty template");
                }
                pkg.save(new ByteArrayOutputStream());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        System.out.println("Warming up...");
        rate(fill, threads, Math.max(2, seconds / 2));
        rate(baseline, threads, Math.max(2, seconds / 2));

        double fillOne = rate(fill, 1, seconds);
        double baseOne = rate(baseline, 1, seconds);
        double fillAll = rate(fill, threads, seconds);
        double baseAll = rate(baseline, threads, seconds);
        System.out.printf(Locale.ROOT, "%n%-44s %12s %12s%n", "", "1 thread", threads + " threads");
        System.out.printf(Locale.ROOT, "%-44s %10.1f/s %10.1f/s%n", "demand letters filled (.docx, in process)",
                fillOne, fillAll);
        System.out.printf(Locale.ROOT, "%-44s %10.1f/s %10.1f/s%n", "baseline: docx4j load, read body, save",
                baseOne, baseAll);
        System.out.printf(Locale.ROOT, "%-44s %11.2f  %11.2f%n", "filling cost relative to baseline (time ratio)",
                baseOne / fillOne, baseAll / fillAll);

        DocxPdfRenderer renderer = new DocxPdfRenderer();
        byte[] draft = check.docx();
        for (int i = 0; i < 10; i++) {
            renderer.render(draft);
        }
        double pdfMs = medianMillis(() -> renderer.render(draft), 30);
        byte[] fifty = fiftyPages();
        DocxTemplate fiftyTemplate = DocxTemplate.read(fifty);
        byte[] fiftyDraft = fiftyTemplate.fill(values, OnMissing.FAIL).docx();
        double fiftyFillMs = medianMillis(() -> fiftyTemplate.fill(values, OnMissing.FAIL), 7);
        double fiftyPdfMs = medianMillis(() -> renderer.render(fiftyDraft), 7);
        double fillMs = medianMillis(() -> demand.fill(values, OnMissing.FAIL), 30);
        System.out.printf(Locale.ROOT, "%n%-44s %10.1f ms%n", "demand letter: fill (median)", fillMs);
        System.out.printf(Locale.ROOT, "%-44s %10.1f ms%n", "demand letter: .docx -> PDF (median)", pdfMs);
        System.out.printf(Locale.ROOT, "%-44s %10.1f ms%n", "50-page template: fill (median)", fiftyFillMs);
        System.out.printf(Locale.ROOT, "%-44s %10.1f ms%n", "50-page draft: .docx -> PDF (median)", fiftyPdfMs);
    }

    private interface Task {
        void run() throws Exception;
    }

    /** Operations per second with {@code threads} threads running it back to back for {@code seconds}. */
    private static double rate(Runnable op, int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    op.run();
                    done.incrementAndGet();
                }
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return done.get() / (elapsed / 1e9);
    }

    private static double medianMillis(Task task, int runs) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static byte[] fiftyPages() {
        DocxBuilder b = DocxBuilder.create();
        for (int page = 1; page <= 50; page++) {
            b.heading("Section " + page + " \u2014 [CaseTitle]");
            for (int i = 0; i < 10; i++) {
                b.paragraph("Paragraph " + i + ": [ClientName] v. [OpposingParty], case [CaseNumber] in the [Court],"
                        + " as of [Today]; a paragraph long enough to wrap several times on a letter page, as"
                        + " agreements and pleadings do.");
            }
            b.paragraph("[#each Defendants]").paragraph("Defendant: [Name]").paragraph("[/each]").pageBreak();
        }
        return b.build();
    }
}
