package org.lexnet.query.opportunity;

import org.lexnet.query.opportunity.OpportunityReader.Row;
import org.lexnet.query.opportunity.OpportunityReader.Seeker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Why an opportunity fits a member, in the matcher's words: "fits your need: fundraising and finance",
 * "for EMERGING leaders", "in your sector: charity / voluntary / not-for-profit", "remote" or
 * "in your region: London". Pure: the caller passes the labels.
 */
final class OpportunityExplanation {

    private OpportunityExplanation() {
    }

    /** Labels by code for competencies, sectors and regions. */
    record Labels(Map<String, String> competencies, Map<String, String> sectors, Map<String, String> regions) {
    }

    static List<String> reasons(Row row, Seeker seeker, Labels labels) {
        List<String> reasons = new ArrayList<>();
        List<String> needs = shared(row.competencies(), seeker.needs());
        if (!needs.isEmpty()) {
            reasons.add((needs.size() == 1 ? "fits your need: " : "fits your needs: ")
                        + words(needs, labels.competencies()::get));
        }
        if (seeker.stage() != null && row.stages().contains(seeker.stage())) {
            reasons.add("for " + seeker.stage() + " leaders");
        }
        List<String> sectors = shared(row.sectors(), seeker.sectors());
        if (!sectors.isEmpty()) {
            reasons.add((sectors.size() == 1 ? "in your sector: " : "in your sectors: ")
                        + words(sectors, labels.sectors()::get));
        }
        if (row.remote()) {
            reasons.add("remote");
        } else if (row.region() != null && row.region().equals(seeker.region())) {
            reasons.add("in your region: " + labels.regions().getOrDefault(row.region(), row.region()));
        }
        return reasons;
    }

    static String sentence(List<String> reasons) {
        return String.join("; ", reasons);
    }

    private static List<String> shared(List<String> offered, List<String> mine) {
        return offered.stream().filter(mine::contains).toList();
    }

    private static String words(List<String> codes, Function<String, String> label) {
        return String.join(", ", codes.stream().map(code -> {
            String text = label.apply(code);
            return text == null ? code : text.toLowerCase(Locale.ROOT);
        }).toList());
    }
}
