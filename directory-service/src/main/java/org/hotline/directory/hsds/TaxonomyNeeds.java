package org.hotline.directory.hsds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.config.HsdsImportConfig;

/**
 * The table from third-party taxonomy terms to the hotline's needs: {@code hsds/taxonomy-needs.txt}, with
 * {@code hotline.directory.hsds-import.need-mapping} entries added or replacing. An AIRS / 211 LA code takes the
 * mapping of its longest listed ancestor (the codes are hierarchical: {@code BH-1800.8500} is under {@code BH-1800},
 * which is under {@code BH}, under {@code B}); an Open Eligibility term, known by its name, that of its nearest
 * listed parent when the dataset gives the parent.
 */
@ApplicationScoped
public class TaxonomyNeeds {

    public static final String AIRS = "airs";
    public static final String OPEN_ELIGIBILITY = "open-eligibility";

    /** B, BH, BH-1800, BH-1800.1500, BH-1800.1500-100, BH-1800.1500-100.05: the AIRS code levels. */
    private static final Pattern AIRS_CODE = Pattern.compile("[A-Z]{1,2}(-\\d{4}(\\.\\d{4}(-\\d{3}(\\.\\d{2})?)?)?)?");

    private final Map<String, Set<Need>> table;

    @Inject
    public TaxonomyNeeds(HsdsImportConfig config) {
        this(shipped(), config.needMapping());
    }

    TaxonomyNeeds(Map<String, String> shipped, Map<String, String> overrides) {
        Map<String, Set<Need>> entries = new HashMap<>();
        shipped.forEach((key, value) -> entries.put(normalizedKey(key), needs(key, value)));
        overrides.forEach((key, value) -> entries.put(normalizedKey(key), needs(key, value)));
        this.table = Map.copyOf(entries);
    }

    /** Which taxonomy a term is of: a scheme of the table, or empty when neither its taxonomy nor its code says. */
    public static Optional<String> scheme(HsdsInput.TaxonomyTerm term) {
        String taxonomy = ((term.taxonomy() == null ? "" : term.taxonomy()) + " "
                + (term.taxonomyDetail() == null || term.taxonomyDetail().name() == null ? ""
                        : term.taxonomyDetail().name())).toLowerCase(Locale.ROOT);
        if (taxonomy.contains("eligibility")) {
            return Optional.of(OPEN_ELIGIBILITY);
        }
        if (taxonomy.contains("airs") || taxonomy.contains("211") || (term.code() != null
                && AIRS_CODE.matcher(term.code().strip()).matches())) {
            return Optional.of(AIRS);
        }
        return Optional.empty();
    }

    /**
     * The needs a term stands for, or empty when the table has no entry for it or any ancestor.
     *
     * @param parents the dataset's terms by id, to climb an Open Eligibility term's parents
     */
    public Optional<Set<Need>> needsOf(HsdsInput.TaxonomyTerm term, Function<String, HsdsInput.TaxonomyTerm> parents) {
        Optional<String> scheme = scheme(term);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        if (scheme.get().equals(AIRS) && term.code() != null) {
            String code = term.code().strip().toUpperCase(Locale.ROOT);
            for (String prefix = code; !prefix.isEmpty(); prefix = parent(prefix)) {
                Set<Need> needs = table.get(AIRS + ":" + prefix.toLowerCase(Locale.ROOT));
                if (needs != null) {
                    return Optional.of(needs);
                }
            }
            return Optional.empty();
        }
        HsdsInput.TaxonomyTerm current = term;
        for (int depth = 0; current != null && depth < 10; depth++) {
            for (String key : new String[] {current.name(), current.code()}) {
                if (key != null) {
                    Set<Need> needs = table.get(scheme.get() + ":" + key.strip().toLowerCase(Locale.ROOT));
                    if (needs != null) {
                        return Optional.of(needs);
                    }
                }
            }
            current = current.parentId() == null ? null : parents.apply(current.parentId());
        }
        return Optional.empty();
    }

    /** BH-1800.1500-100 → BH-1800.1500 → BH-1800 → BH → B → "". */
    static String parent(String code) {
        int cut = Math.max(code.lastIndexOf('.'), code.lastIndexOf('-'));
        if (cut > 0) {
            return code.substring(0, cut);
        }
        return code.length() > 1 ? code.substring(0, code.length() - 1) : "";
    }

    private static String normalizedKey(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<Need> needs(String key, String value) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                try {
                    needs.add(Need.valueOf(name.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Taxonomy mapping " + key + " names an unknown need: " + name, e);
                }
            }
        }
        return Set.copyOf(needs);
    }

    /** The shipped table: {@code key=value} lines (a key holds ':' and spaces, so this is not a Properties file). */
    private static Map<String, String> shipped() {
        Map<String, String> entries = new HashMap<>();
        try (InputStream in = TaxonomyNeeds.class.getResourceAsStream("/hsds/taxonomy-needs.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int equals = line.indexOf('=');
                    entries.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
