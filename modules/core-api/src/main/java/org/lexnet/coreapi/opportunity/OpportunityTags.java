package org.lexnet.coreapi.opportunity;

import java.util.List;

/**
 * What an opportunity is about and for whom, as taxonomy codes: topics, never anyone's data. An empty
 * list names no limit on that dimension (an opportunity for every stage names no stage).
 */
public record OpportunityTags(List<String> competencies, List<String> stages, List<String> sectors,
                              List<String> areas) {

    public OpportunityTags {
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
        stages = stages == null ? List.of() : List.copyOf(stages);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }
}
