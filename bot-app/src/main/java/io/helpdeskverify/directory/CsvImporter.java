package io.helpdeskverify.directory;

import io.helpdeskverify.directory.EndUser.Source;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports {@code username,display_name,email,mobile} rows (and an optional {@code enabled}, and an optional
 * {@code groups}: the user's directory groups, {@code ;}-separated, for dual control). A bad row is reported with its line
 * and never stops the good ones; a file that is not CSV at all is refused whole, with the line
 * where parsing broke.
 */
public class CsvImporter {

    public static final List<String> COLUMNS = List.of("username", "display_name", "email", "mobile");
    /** Optional: files without it import every row enabled. */
    static final String ENABLED = "enabled";
    /** Optional: {@code Domain Admins;Executives}. Files without it leave the users' groups as they are. */
    static final String GROUPS = "groups";
    /** Per user; more is a mistake in the file, not a person. */
    static final int MAX_GROUPS = 100;
    private static final int MAX_ROWS = 50_000;

    private final DirectoryService directory;

    public CsvImporter(DirectoryService directory) {
        this.directory = directory;
    }

    public ImportReport importUsers(String customerSlug, Reader csv) {
        var customer = directory.customer(customerSlug);
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setTrim(true).get();
        int created = 0;
        int updated = 0;
        var rejected = new ArrayList<ImportReport.Rejected>();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            checkHeader(parser.getHeaderNames());
            int rows = 0;
            // Parse all rows first: a malformed file must not leave half an import behind.
            var records = new ArrayList<CSVRecord>();
            for (CSVRecord record : parser) {
                if (++rows > MAX_ROWS) {
                    throw new MalformedCsvException(parser.getCurrentLineNumber(),
                            "more than " + MAX_ROWS + " rows; split the file");
                }
                records.add(record);
            }
            for (CSVRecord r : records) {
                long line = r.getRecordNumber() + 1;
                if (!r.isConsistent()) {
                    rejected.add(new ImportReport.Rejected(line, "expected " + COLUMNS.size() + " columns, found " + r.size()));
                    continue;
                }
                var enabled = enabled(r);
                if (enabled.isEmpty()) {
                    rejected.add(new ImportReport.Rejected(line, "enabled must be true or false (or left empty)"));
                    continue;
                }
                var groups = groups(r);
                if (groups.isPresent() && groups.get().size() > MAX_GROUPS) {
                    rejected.add(new ImportReport.Rejected(line, "groups: at most " + MAX_GROUPS + " per user"));
                    continue;
                }
                if (groups.isPresent() && groups.get().stream().anyMatch(g -> g.name().length() > 256
                        || g.name().chars().anyMatch(Character::isISOControl))) {
                    rejected.add(new ImportReport.Rejected(line, "groups: each group name has at most 256 characters"));
                    continue;
                }
                try {
                    var result = directory.upsertEndUser(customer, r.get("username"), r.get("display_name"),
                            optional(r.get("email")), optional(r.get("mobile")), enabled.get(), Source.CSV, groups);
                    if (result instanceof SaveResult.Saved s) {
                        if (s.created()) {
                            created++;
                        } else {
                            updated++;
                        }
                    } else if (result instanceof SaveResult.Conflict c) {
                        rejected.add(new ImportReport.Rejected(line, "the " + c.field() + " '" + c.value()
                                + "' belongs to another user"));
                    }
                } catch (DirectoryException.Invalid e) {
                    rejected.add(new ImportReport.Rejected(line, e.getMessage()));
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedCsvException(lineOf(e), "the file is not valid CSV: " + rootMessage(e));
        } catch (IOException e) {
            throw new MalformedCsvException(1, "the file could not be read: " + e.getMessage());
        }
        return new ImportReport(created, updated, rejected);
    }

    private static void checkHeader(List<String> header) {
        var names = header.stream().map(h -> h.strip().toLowerCase()).toList();
        if (!Set.copyOf(names).containsAll(COLUMNS)) {
            throw new MalformedCsvException(1, "the first line must be the header " + String.join(",", COLUMNS)
                    + " (found: " + String.join(",", header) + ")");
        }
    }

    /**
     * The optional {@code enabled} column: a leaver can be switched off by file (which revokes their
     * devices). Absent or empty means enabled, as files without the column always did.
     */
    private static Optional<Boolean> enabled(CSVRecord r) {
        String v = r.isMapped(ENABLED) ? r.get(ENABLED).strip().toLowerCase(java.util.Locale.ROOT) : "";
        return switch (v) {
            case "", "true", "yes", "1" -> Optional.of(true);
            case "false", "no", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * The optional {@code groups} column: names only (a CSV has no directory ids), each once. An empty cell
     * clears the user's CSV groups; a file without the column keeps them.
     */
    private static Optional<List<EndUser.Group>> groups(CSVRecord r) {
        if (!r.isMapped(GROUPS)) {
            return Optional.empty();
        }
        var names = new java.util.LinkedHashMap<String, EndUser.Group>();
        for (String part : r.get(GROUPS).split(";")) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), new EndUser.Group(name, Optional.empty()));
            }
        }
        return Optional.of(List.copyOf(names.values()));
    }

    private static Optional<String> optional(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static long lineOf(Exception e) {
        var m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(rootMessage(e)));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public record ImportReport(int created, int updated, List<Rejected> rejected) {
        public record Rejected(long line, String reason) {}
    }

    /** The whole file is refused; nothing was imported. */
    public static final class MalformedCsvException extends RuntimeException {
        private final long line;

        public MalformedCsvException(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
