package org.hotline.directory.hsds;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.Taxonomy;
import org.hotline.directory.TaxonomyTerm;

/**
 * The taxonomy terms of the directory, read once at start-up from the tables the migrations fill. Start-up fails when
 * a Need, an Audience or a {@link DirectoryAttribute} has no term, so the vocabulary and the tables cannot drift.
 */
@ApplicationScoped
public class HsdsTerms {

    private final EntityManager entityManager;
    private volatile Terms terms;

    public HsdsTerms(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        terms();
    }

    public Hsds.TaxonomyTerm need(Need need) {
        return terms().needs.get(need);
    }

    public Hsds.TaxonomyTerm audience(Audience audience) {
        return terms().audiences.get(audience);
    }

    public Hsds.TaxonomyTerm attribute(DirectoryAttribute attribute) {
        return terms().attributes.get(attribute);
    }

    /** A term by its id, or by taxonomy id and code when the id is not one of the directory's. */
    public Optional<Hsds.TaxonomyTerm> find(UUID id, UUID taxonomyId, String code) {
        Terms all = terms();
        if (id != null && all.byId.containsKey(id)) {
            return Optional.of(all.byId.get(id));
        }
        return all.byId.values().stream()
                .filter(t -> t.taxonomyId().equals(taxonomyId) && t.code().equals(code)).findFirst();
    }

    /** Every term, for {@code /hsds/taxonomy_terms}. */
    public List<Hsds.TaxonomyTerm> all() {
        return terms().byId.values().stream()
                .sorted(java.util.Comparator.comparing(Hsds.TaxonomyTerm::id)).toList();
    }

    public List<Hsds.Taxonomy> taxonomies() {
        return terms().taxonomies;
    }

    public Need needOf(Hsds.TaxonomyTerm term) {
        return Taxonomy.NEEDS.equals(term.taxonomyId()) ? Need.valueOf(term.code()) : null;
    }

    public Audience audienceOf(Hsds.TaxonomyTerm term) {
        return Taxonomy.AUDIENCES.equals(term.taxonomyId()) ? Audience.valueOf(term.code()) : null;
    }

    public DirectoryAttribute attributeOf(Hsds.TaxonomyTerm term) {
        if (!Taxonomy.DIRECTORY_ATTRIBUTES.equals(term.taxonomyId())) {
            return null;
        }
        for (DirectoryAttribute attribute : DirectoryAttribute.values()) {
            if (attribute.code().equals(term.code())) {
                return attribute;
            }
        }
        return null;
    }

    private Terms terms() {
        Terms loaded = terms;
        if (loaded == null) {
            synchronized (this) {
                if (terms == null) {
                    terms = QuarkusTransaction.requiringNew().call(this::load);
                }
                loaded = terms;
            }
        }
        return loaded;
    }

    private Terms load() {
        List<TaxonomyTerm> rows = entityManager.createQuery("SELECT t FROM TaxonomyTerm t", TaxonomyTerm.class)
                .getResultList();
        Map<UUID, Hsds.TaxonomyTerm> byId = new HashMap<>();
        Map<UUID, Hsds.Taxonomy> taxonomies = new HashMap<>();
        for (TaxonomyTerm row : rows) {
            Taxonomy t = row.taxonomy();
            taxonomies.putIfAbsent(t.id(), new Hsds.Taxonomy(t.id(), t.name(), t.description(), t.uri(), t.version()));
            byId.put(row.id(), new Hsds.TaxonomyTerm(row.id(), row.code(), row.name(), row.description(), t.id(),
                    t.uri(), null));
        }
        Map<Need, Hsds.TaxonomyTerm> needs = new EnumMap<>(Need.class);
        Map<Audience, Hsds.TaxonomyTerm> audiences = new EnumMap<>(Audience.class);
        Map<DirectoryAttribute, Hsds.TaxonomyTerm> attributes = new EnumMap<>(DirectoryAttribute.class);
        for (Need need : Need.values()) {
            needs.put(need, required(byId, Taxonomy.NEEDS, need.name()));
        }
        for (Audience audience : Audience.values()) {
            audiences.put(audience, required(byId, Taxonomy.AUDIENCES, audience.name()));
        }
        for (DirectoryAttribute attribute : DirectoryAttribute.values()) {
            attributes.put(attribute, required(byId, Taxonomy.DIRECTORY_ATTRIBUTES, attribute.code()));
        }
        return new Terms(Map.copyOf(byId), needs, audiences, attributes, taxonomies.values().stream()
                .sorted(java.util.Comparator.comparing(Hsds.Taxonomy::id)).toList());
    }

    private static Hsds.TaxonomyTerm required(Map<UUID, Hsds.TaxonomyTerm> byId, UUID taxonomy, String code) {
        return byId.values().stream().filter(t -> t.taxonomyId().equals(taxonomy) && t.code().equals(code))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "No taxonomy term " + code + " in taxonomy " + taxonomy + ": a migration is missing"));
    }

    private record Terms(Map<UUID, Hsds.TaxonomyTerm> byId, Map<Need, Hsds.TaxonomyTerm> needs,
            Map<Audience, Hsds.TaxonomyTerm> audiences, Map<DirectoryAttribute, Hsds.TaxonomyTerm> attributes,
            List<Hsds.Taxonomy> taxonomies) {
    }
}
