/*
 * Solidarity Hub, events: on the submission and management forms, a small map on which the submitter
 * can click to refine the place; it fills in the latitude and longitude fields. Without JavaScript the
 * fields are typed in, or left empty for the city's centre from the offline gazetteer.
 */
(function () {
  'use strict';

  function start() {
    var element = document.getElementById('place-map');
    var latitude = document.getElementById('latitude');
    var longitude = document.getElementById('longitude');
    if (!element || !latitude || !longitude || typeof L === 'undefined') {
      return;
    }
    element.hidden = false;
    var tiles = element.getAttribute('data-tiles');
    // the offline data's credits are in the page's footer; only remote tiles need theirs on the map
    var map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 18, attributionControl: !!tiles });
    if (tiles) {
      map.attributionControl.setPrefix(false);
      L.tileLayer(tiles, { attribution: element.getAttribute('data-tiles-attribution') || '' }).addTo(map);
    }
    var outline = element.getAttribute('data-outline');
    if (outline && !tiles) {
      fetch(outline, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
        if (data) {
          L.geoJSON(data, { interactive: false, style: { color: '#8aa0b8', weight: 0.7, fillColor: '#ffffff', fillOpacity: 1 } })
            .addTo(map).bringToBack();
        }
      });
    }
    var marker = null;
    function place(lat, lon, zoom) {
      if (marker) {
        marker.setLatLng([lat, lon]);
      } else {
        marker = L.circleMarker([lat, lon], { radius: 8, color: '#003d80', weight: 2, fillColor: '#ffd700', fillOpacity: 0.95 }).addTo(map);
      }
      if (zoom) {
        map.setView([lat, lon], zoom);
      }
    }
    var lat = parseFloat(latitude.value);
    var lon = parseFloat(longitude.value);
    if (!isNaN(lat) && !isNaN(lon)) {
      place(lat, lon, 12);
    } else {
      map.setView([30, 10], 2);
    }
    map.on('click', function (event) {
      var wrapped = event.latlng.wrap();
      latitude.value = wrapped.lat.toFixed(5);
      longitude.value = wrapped.lng.toFixed(5);
      place(wrapped.lat, wrapped.lng, null);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
