package org.solidarityhub.media;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Blurred regions in the {@code media_item.regions} column: {@code x,y,w,h} separated by {@code ;}. */
final class Regions {

    /** More regions than a crowd photo needs: keeps the column bounded. */
    static final int MAX = 150;

    private Regions() {
    }

    static String format(List<Region> regions) {
        if (regions.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " regions");
        }
        return regions.stream().map(r -> r.x() + "," + r.y() + "," + r.width() + "," + r.height())
                .collect(Collectors.joining(";"));
    }

    static List<Region> parse(String text) {
        List<Region> regions = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return regions;
        }
        for (String part : text.split(";")) {
            String[] n = part.split(",");
            regions.add(new Region(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), Integer.parseInt(n[3])));
        }
        return regions;
    }
}
