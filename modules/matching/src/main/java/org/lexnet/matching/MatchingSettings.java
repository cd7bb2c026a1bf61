package org.lexnet.matching;

import org.lexnet.matching.model.ScoringWeights;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * How the matcher works ({@code lexnet.matching.*}).
 *
 * @param weights              overrides of criterion weights by kebab-case name (e.g. {@code shared-area: 25});
 *                             unnamed weights keep their defaults (docs/matching.md)
 * @param candidatesPerRequest k, the candidates per request a global round gives the solver
 * @param candidatesShown      how many candidates {@code GET /mentorships/{id}/candidates} returns
 */
@ConfigurationProperties("lexnet.matching")
public record MatchingSettings(Map<String, Integer> weights, @DefaultValue("30") int candidatesPerRequest,
                               @DefaultValue("5") int candidatesShown) {

    public MatchingSettings {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        scoringWeights(weights);
    }

    /** The defaults with the configured overrides applied; an unknown name stops the start-up. */
    public ScoringWeights scoringWeights() {
        return scoringWeights(weights);
    }

    private static ScoringWeights scoringWeights(Map<String, Integer> overrides) {
        ScoringWeights defaults = ScoringWeights.defaults();
        RecordComponent[] components = ScoringWeights.class.getRecordComponents();
        Map<String, Integer> byName = new java.util.HashMap<>();
        overrides.forEach((name, value) -> byName.put(canonical(name), value));
        for (String name : overrides.keySet()) {
            if (Arrays.stream(components).noneMatch(c -> canonical(c.getName()).equals(canonical(name)))) {
                throw new IllegalArgumentException("unknown matching weight lexnet.matching.weights." + name
                        + "; known: " + Arrays.stream(components).map(c -> kebab(c.getName())).toList());
            }
        }
        try {
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = byName.getOrDefault(canonical(components[i].getName()),
                        (Integer) components[i].getAccessor().invoke(defaults));
            }
            return ScoringWeights.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code shared-area}, {@code sharedArea} and the environment's {@code SHARED_AREA} (which Spring may
     * hand over as {@code shared.area}) all name the same weight.
     */
    private static String canonical(String name) {
        return name.replaceAll("[-._]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
