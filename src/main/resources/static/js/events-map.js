/*
 * Solidarity Hub, events: the map of the events list and the pin of an event page, drawn with Leaflet
 * served by the site itself. Without JavaScript the list stands in the map's place; this script only
 * enhances. Map data comes from the same origin (the GeoJSON API and the country outlines shipped with
 * the app); remote tiles are used only when the site operator configured them.
 */
(function () {
  'use strict';

  function baseMap(element) {
    var tiles = element.getAttribute('data-tiles');
    // the credits of the offline data are in the page's footer; only remote tiles need theirs on the map
    var map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 18, attributionControl: !!tiles });
    if (tiles) {
      map.attributionControl.setPrefix(false);
      L.tileLayer(tiles, { attribution: element.getAttribute('data-tiles-attribution') || '' }).addTo(map);
    } else {
      element.classList.add('no-tiles');
    }
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

  /* The names of the event's city and the cities around it (from the offline gazetteer), when no tiles name them. */
  function labels(map, element) {
    var places;
    try {
      places = JSON.parse(element.getAttribute('data-places') || '[]');
    } catch (e) {
      return 0;
    }
    if (element.getAttribute('data-tiles')) {
      return 0;
    }
    places.forEach(function (place) {
      L.circleMarker([place.lat, place.lon], {
        radius: place.own ? 4 : 3, color: '#1b1f24', weight: 1, fillColor: '#1b1f24', fillOpacity: 1, interactive: false
      }).bindTooltip(place.name, {
        permanent: true, direction: 'right', offset: [4, 0], className: place.own ? 'map-label map-label-own' : 'map-label'
      }).addTo(map);
    });
    return places.length;
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
        var tiles = element.getAttribute('data-tiles');
        if (!tiles && data.features.length <= 40) {
          // without tiles nothing names the places: one label per city of the events
          var named = {};
          data.features.forEach(function (feature) {
            var city = feature.properties.city;
            if (city && !named[city]) {
              named[city] = true;
              var c = feature.geometry.coordinates;
              L.tooltip({ permanent: true, direction: 'right', offset: [8, 0], className: 'map-label', interactive: false })
                .setLatLng([c[1], c[0]]).setContent(city).addTo(map);
            }
          });
        }
        map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: tiles ? 10 : 6 });
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
    var tiles = element.getAttribute('data-tiles');
    var precise = element.getAttribute('data-precise') === 'true';
    var named = labels(map, element);
    if (precise) {
      L.circleMarker([lat, lon], { radius: 9, color: '#003d80', weight: 2, fillColor: '#ffd700', fillOpacity: 0.95 }).addTo(map);
      map.setView([lat, lon], tiles ? 15 : 8);
    } else {
      // only the city is public: show an area, not a point
      L.circle([lat, lon], { radius: 6000, color: '#003d80', weight: 2, fillColor: '#ffd700', fillOpacity: 0.35 }).addTo(map);
      map.setView([lat, lon], tiles ? 10 : 8);
    }
    element.setAttribute('data-markers', '1');
    element.setAttribute('data-labels', String(named));
  }

  /* "25 February 2027, 13:00–16:00": the server's styles (DateTimes: long date, short time) with Intl. */
  function span(language, zone, start, end) {
    var date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: zone });
    var time = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: zone });
    var from = time.format(start);
    var to = time.format(end);
    if (date.format(start) === date.format(end)) {
      return date.format(start) + ', ' + from + (/\p{L}/u.test(from) ? ' – ' : '–') + to;
    }
    return date.format(start) + ', ' + from + ' – ' + date.format(end) + ', ' + to;
  }

  function zoneName(language, zone, at) {
    function part(style) {
      try {
        var parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: style }).formatToParts(at);
        for (var i = 0; i < parts.length; i++) {
          if (parts[i].type === 'timeZoneName') {
            return parts[i].value;
          }
        }
      } catch (e) {
        return '';
      }
      return '';
    }
    var name = part('longGeneric');
    var offset = part('shortOffset');
    // a zone without a name of its own ("GMT+00:00") is written by its offset alone
    if (!name || /^(GMT|UTC)/.test(name)) {
      return offset || name || zone;
    }
    return offset && name !== offset ? name + ' (' + offset + ')' : name;
  }

  /* The event's time in the reader's own zone, when the reader's clocks show other times than the event's. */
  function readerTime() {
    var time = document.querySelector('time.event-time');
    var target = document.querySelector('.your-time');
    if (!time || !target || !window.Intl) {
      return;
    }
    var start = new Date(time.getAttribute('datetime'));
    var end = new Date(time.getAttribute('data-end'));
    var eventZone = time.getAttribute('data-zone');
    var language = time.getAttribute('data-locale') || document.documentElement.lang || undefined;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (isNaN(start.getTime()) || isNaN(end.getTime()) || !zone || !eventZone) {
      return;
    }
    var theirs;
    var ours;
    try {
      theirs = span(language, eventZone, start, end);
      ours = span(language, zone, start, end);
    } catch (e) {
      return;
    }
    if (theirs === ours) {
      return;
    }
    target.textContent = (target.getAttribute('data-label') || '') + ' ' + ours + ' · ' + zoneName(language, zone, start);
    target.hidden = false;
  }

  /*
   * "Use my location", added to the list's filter form only where scripts run: the browser's position, rounded to two
   * decimals (about a kilometre), fills the place field and the form is sent as any search near a place. Nothing is
   * asked before the reader's click and the browser's permission, and the position goes nowhere but into that search.
   */
  function locateButton() {
    var field = document.querySelector('input[name="near"][data-locate]');
    if (!field || !field.form || !navigator.geolocation) {
      return;
    }
    var form = field.form;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'near-locate';
    button.textContent = field.getAttribute('data-locate');
    var note = document.createElement('span');
    note.className = 'hint';
    note.setAttribute('role', 'status');
    field.closest('label').after(button, note);
    button.addEventListener('click', function () {
      button.disabled = true;
      note.textContent = '';
      navigator.geolocation.getCurrentPosition(function (position) {
        field.value = position.coords.latitude.toFixed(2) + ',' + position.coords.longitude.toFixed(2);
        form.submit();
      }, function () {
        button.disabled = false;
        note.textContent = field.getAttribute('data-locate-failed');
      }, { enableHighAccuracy: false, maximumAge: 600000, timeout: 20000 });
    });
  }

  function start() {
    readerTime();
    locateButton();
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
