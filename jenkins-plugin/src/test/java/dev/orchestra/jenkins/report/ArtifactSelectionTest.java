package dev.orchestra.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactSelectionTest {
    @Test
    void atAGateOnlyThePlanIsArchived() {
        assertEquals(Map.of("orchestra/r1/plan.md", ".orchestra/runs/r1/plan.md"),
                ArtifactSelection.artifacts("r1", true, List.of()));
    }

    @Test
    void theWholeBundleIsArchivedUnderTheRunsNameAndNothingOutsideIt() {
        Map<String, String> artifacts = ArtifactSelection.artifacts("r1", true,
                List.of("metrics.json", "report.html", "patches/0001-x.patch", "../state.json", "tests\\final\\TEST-a.xml"));
        assertEquals(".orchestra/runs/r1/bundle/metrics.json", artifacts.get("orchestra/r1/bundle/metrics.json"));
        assertEquals(".orchestra/runs/r1/bundle/patches/0001-x.patch", artifacts.get("orchestra/r1/bundle/patches/0001-x.patch"));
        assertEquals(".orchestra/runs/r1/bundle/tests/final/TEST-a.xml", artifacts.get("orchestra/r1/bundle/tests/final/TEST-a.xml"));
        assertEquals(5, artifacts.size());
        assertEquals("orchestra/r1/bundle/report.html", ArtifactSelection.reportArtifact("r1"));
    }
}
