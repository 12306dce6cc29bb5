package org.solidarityhub.appeal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/** What changed between two revisions, line by line, for people to read. */
final class RevisionDiff {

    /** A line of the comparison: kept, removed (from the older text) or added (in the newer). */
    record Line(String kind, String text) {
    }

    private RevisionDiff() {
    }

    static List<Line> between(Appeal.Revision older, Appeal.Revision newer) {
        List<String> before = older == null ? List.of() : lines(older);
        List<String> after = lines(newer);
        Patch<String> patch = DiffUtils.diff(before, after);
        List<Line> result = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                result.add(new Line("same", before.get(position)));
            }
            delta.getSource().getLines().forEach(line -> result.add(new Line("removed", line)));
            delta.getTarget().getLines().forEach(line -> result.add(new Line("added", line)));
            position += delta.getSource().size();
        }
        for (; position < before.size(); position++) {
            result.add(new Line("same", before.get(position)));
        }
        return result;
    }

    private static List<String> lines(Appeal.Revision revision) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + revision.title());
        lines.addAll(Arrays.asList(revision.body().replace("\r\n", "\n").split("\n", -1)));
        return lines;
    }
}
