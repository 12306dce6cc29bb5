package org.solidarityhub.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small map of a place, drawn on the server as inline SVG: the same Natural Earth country outlines the events map
 * shows ({@code static/maps/countries-110m.geojson}), around the place, with a pin. It needs no script and no tile
 * server (the moderators' review page shows it).
 */
@Component
class PlacePreview {

    static final String OUTLINES = "static/maps/countries-110m.geojson";
    /** Half the width of the view, in degrees of longitude (the height follows the latitude). */
    static final double HALF_WIDTH = 6.0;
    static final int WIDTH = 360;
    static final int HEIGHT = 240;

    /** The outer and inner rings of every country, as [longitude, latitude] pairs. */
    private volatile List<double[][]> rings;

    /** The SVG of a place (nothing of the place but its position is in it); empty without coordinates. */
    String svg(BigDecimal latitude, BigDecimal longitude, String label) {
        if (latitude == null || longitude == null) {
            return "";
        }
        double lat = latitude.doubleValue();
        double lon = longitude.doubleValue();
        double xScale = WIDTH / (2 * HALF_WIDTH);
        double yScale = xScale / Math.max(0.2, Math.cos(Math.toRadians(lat)));
        double halfHeight = HEIGHT / 2.0 / yScale;
        StringBuilder svg = new StringBuilder(8_192);
        svg.append("<svg class=\"place-preview\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\"><title>").append(HtmlUtils.htmlEscape(label == null ? "" : label)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#dbe9f4\"/>")
                .append("<path fill=\"#f4f1ea\" stroke=\"#8a8a8a\" stroke-width=\"0.6\" fill-rule=\"evenodd\" d=\"");
        for (double[][] ring : rings()) {
            if (!overlaps(ring, lon - HALF_WIDTH, lon + HALF_WIDTH, lat - halfHeight, lat + halfHeight)) {
                continue;
            }
            for (int i = 0; i < ring.length; i++) {
                double x = (ring[i][0] - lon) * xScale + WIDTH / 2.0;
                double y = (lat - ring[i][1]) * yScale + HEIGHT / 2.0;
                svg.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            }
            svg.append('Z');
        }
        svg.append("\"/><circle cx=\"").append(WIDTH / 2).append("\" cy=\"").append(HEIGHT / 2)
                .append("\" r=\"6\" fill=\"#c0392b\" stroke=\"#fff\" stroke-width=\"2\"/></svg>");
        return svg.toString();
    }

    private static boolean overlaps(double[][] ring, double west, double east, double south, double north) {
        for (double[] point : ring) {
            if (point[0] >= west - 20 && point[0] <= east + 20 && point[1] >= south - 20 && point[1] <= north + 20) {
                return true;
            }
        }
        return false;
    }

    private List<double[][]> rings() {
        List<double[][]> loaded = rings;
        if (loaded == null) {
            loaded = load();
            rings = loaded;
        }
        return loaded;
    }

    private static List<double[][]> load() {
        try (InputStream in = new ClassPathResource(OUTLINES).getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<double[][]> all = new ArrayList<>();
            for (JsonNode feature : root.path("features")) {
                JsonNode geometry = feature.path("geometry");
                JsonNode coordinates = geometry.path("coordinates");
                if ("Polygon".equals(geometry.path("type").asString())) {
                    addPolygon(all, coordinates);
                } else {
                    for (JsonNode polygon : coordinates) {
                        addPolygon(all, polygon);
                    }
                }
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addPolygon(List<double[][]> all, JsonNode polygon) {
        for (JsonNode ring : polygon) {
            double[][] points = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                points[i] = new double[]{ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            all.add(points);
        }
    }
}
