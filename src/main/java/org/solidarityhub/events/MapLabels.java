package org.solidarityhub.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The names an event's map shows, from the offline gazetteer: the event's own city and the biggest cities around it,
 * so the map is not a pin on blank country outlines. The page gives them to its script as JSON in a data attribute;
 * without scripts the map is not shown and the place is written out above it.
 */
@Component
class MapLabels {

    /** A name on the map; {@code own} for the event's city. */
    record Label(String name, double lat, double lon, boolean own) {
    }

    /** How far around the event cities are named: about what the map shows at its zoom. */
    static final double RADIUS_KM = 180;
    static final int MOST = 8;
    /** Two names nearer than this would overlap: the smaller city is left out. */
    static final double SPACING_KM = 35;

    private final Gazetteer gazetteer;
    private final JsonMapper json;

    MapLabels(Gazetteer gazetteer, JsonMapper json) {
        this.gazetteer = gazetteer;
        this.json = json;
    }

    /** The labels around the event's pin; none when it has no pin. */
    List<Label> around(PublicEvent e) {
        if (!e.hasPin()) {
            return List.of();
        }
        double lat = e.latitude().doubleValue();
        double lon = e.longitude().doubleValue();
        List<Label> labels = new ArrayList<>();
        Gazetteer.City own = gazetteer.find(e.city(), e.country())
                .filter(c -> Gazetteer.distanceKm(lat, lon, c.latitude(), c.longitude()) < 60)
                .orElse(null);
        if (own != null) {
            labels.add(new Label(e.city() == null ? own.name() : e.city(), own.latitude(), own.longitude(), true));
        } else if (e.city() != null) {
            labels.add(new Label(e.city(), lat, lon, true));
        }
        for (Gazetteer.City city : gazetteer.around(lat, lon, RADIUS_KM, MOST + 1, SPACING_KM)) {
            if (labels.size() > MOST) {
                break;
            }
            boolean tooNear = labels.stream().anyMatch(l -> Gazetteer.distanceKm(l.lat(), l.lon(), city.latitude(), city.longitude()) < SPACING_KM);
            if (!tooNear) {
                labels.add(new Label(city.name(), city.latitude(), city.longitude(), false));
            }
        }
        return labels;
    }

    /** The labels as the JSON the page's script reads. */
    String json(PublicEvent e) {
        return json.writeValueAsString(around(e));
    }
}
