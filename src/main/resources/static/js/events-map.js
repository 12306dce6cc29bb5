/*
 * Solidarity Hub, events: the map of the events list and the pin of an event page, drawn with Leaflet
 * served by the site itself. Without JavaScript the list stands in the map's place; this script only
 * enhances. Map data comes from the same origin (the GeoJSON API and the country outlines shipped with
 * the app); remote tiles are used only when the site operator configured them.
 */
(function () {
  'use strict';

  function baseMap(element) {
    var map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 18 });
    var tiles = element.getAttribute('data-tiles');
    if (tiles) {
      L.tileLayer(tiles, { attribution: element.getAttribute('data-tiles-attribution') || '' }).addTo(map);
    } else {
      element.classList.add('no-tiles');
    }
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(element.getAttribute('data-attribution') || '');
    var outline = element.getAttribute('data-outline');
    if (outline && !tiles) {
      fetch(outline, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
        if (data) {
          L.geoJSON(data, {
            interactive: false,
            style: { color: '#8aa0b8', weight: 0.7, fillColor: '#ffffff', fillOpacity: 1 }
          }).addTo(map).bringToBack();
        }
      });
    }
    return map;
  }

  function popup(properties) {
    var box = document.createElement('div');
    var link = document.createElement('a');
    link.href = properties.url;
    link.textContent = properties.title;
    box.appendChild(link);
    var meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = [properties.typeName, properties.when, properties.city].filter(Boolean).join(' · ');
    box.appendChild(meta);
    return box;
  }

  function eventsMap(element) {
    element.hidden = false;
    var map = baseMap(element);
    map.setView([30, 10], 2);
    fetch(element.getAttribute('data-geojson'), { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || !data.features || data.features.length === 0) {
          return;
        }
        var layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, { radius: 7, color: '#003d80', weight: 2, fillColor: '#ffd700', fillOpacity: 0.95 });
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popup(feature.properties));
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 10 });
        element.setAttribute('data-markers', String(data.features.length));
      });
  }

  function eventMap(element) {
    element.hidden = false;
    var lat = parseFloat(element.getAttribute('data-lat'));
    var lon = parseFloat(element.getAttribute('data-lon'));
    if (isNaN(lat) || isNaN(lon)) {
      element.hidden = true;
      return;
    }
    var map = baseMap(element);
    var precise = element.getAttribute('data-precise') === 'true';
    if (precise) {
      L.circleMarker([lat, lon], { radius: 9, color: '#003d80', weight: 2, fillColor: '#ffd700', fillOpacity: 0.95 }).addTo(map);
      map.setView([lat, lon], element.getAttribute('data-tiles') ? 15 : 6);
    } else {
      // only the city is public: show an area, not a point
      L.circle([lat, lon], { radius: 6000, color: '#003d80', weight: 2, fillColor: '#ffd700', fillOpacity: 0.35 }).addTo(map);
      map.setView([lat, lon], element.getAttribute('data-tiles') ? 10 : 6);
    }
    element.setAttribute('data-markers', '1');
  }

  function readerTime() {
    var time = document.querySelector('time.event-time');
    var target = document.querySelector('.your-time');
    if (!time || !target || !window.Intl) {
      return;
    }
    var start = new Date(time.getAttribute('datetime'));
    var end = new Date(time.getAttribute('data-end'));
    if (isNaN(start.getTime()) || isNaN(end.getTime())) {
      return;
    }
    var language = document.documentElement.lang || undefined;
    var format = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' });
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    target.textContent = (target.getAttribute('data-label') || '') + ' ' + format.format(start) + ' – ' +
      new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(end) + (zone ? ' (' + zone + ')' : '');
    target.hidden = false;
  }

  function start() {
    readerTime();
    if (typeof L === 'undefined') {
      return;
    }
    var list = document.getElementById('events-map');
    if (list) {
      eventsMap(list);
    }
    var single = document.getElementById('event-map');
    if (single) {
      eventMap(single);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
