/*
 * The map of the branches, an extra beside the list that always stands on its own.
 *
 * The map section stays hidden until one tile of the map is known to load: a single probe
 * image is requested first, and Leaflet only starts when it arrives. When tiles cannot load
 * (offline, blocked, or the tile server is down), the section is removed and the list is all
 * there is, without any script error.
 */
(function () {
    "use strict";

    var PROBE_TIMEOUT = 8000;
    var FIRST_TILE_TIMEOUT = 10000;
    var PROBE_ZOOM = 12;
    // The site sends "Referrer-Policy: same-origin", which would strip the Referer from tile
    // requests; OpenStreetMap's tile servers refuse requests without one. Send the origin only.
    var TILE_REFERRER_POLICY = "strict-origin-when-cross-origin";

    var section = document.getElementById("branch-map-section");
    var canvas = document.getElementById("branch-map");
    var dataElement = document.getElementById("branch-map-data");

    function giveUp() {
        if (section && section.parentNode) {
            section.parentNode.removeChild(section);
        }
    }

    if (!section || !canvas || !dataElement) {
        return;
    }

    var data;
    try {
        data = JSON.parse(dataElement.textContent);
    } catch (error) {
        giveUp();
        return;
    }
    var branches = (data.branches || []).filter(function (branch) {
        return typeof branch.latitude === "number" && typeof branch.longitude === "number";
    });
    if (!window.L || !data.tileUrl || !branches.length) {
        giveUp();
        return;
    }

    // The tile that holds the first branch, from the usual Web Mercator tile formula.
    function tileUrlFor(latitude, longitude, zoom) {
        var scale = Math.pow(2, zoom);
        var radians = (latitude * Math.PI) / 180;
        var x = Math.floor(((longitude + 180) / 360) * scale);
        var y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * scale);
        var values = { s: "a", z: zoom, x: x, y: y, r: "" };
        var unknown = false;
        var url = data.tileUrl.replace(/\{ *([\w_-]+) *\}/g, function (match, key) {
            if (!Object.prototype.hasOwnProperty.call(values, key)) {
                unknown = true;
                return match;
            }
            return String(values[key]);
        });
        return unknown ? null : url;
    }

    function statusText(branch) {
        var card = document.getElementById("branch-" + branch.id);
        var status = card && card.querySelector(".status");
        return status ? status.textContent.replace(/\s+/g, " ").trim() : "";
    }

    function popupFor(branch, status) {
        var content = document.createElement("div");
        var link = document.createElement("a");
        link.href = branch.url;
        link.textContent = branch.title;
        content.appendChild(link);
        if (status) {
            var paragraph = document.createElement("p");
            paragraph.textContent = status;
            content.appendChild(paragraph);
        }
        return content;
    }

    function escapeHtml(text) {
        var element = document.createElement("span");
        element.textContent = text;
        return element.innerHTML;
    }

    // Leaflet finds its default marker image from leaflet.css, which fails once the static
    // files have hashed names: the template gives the real addresses.
    function markerIcon(L) {
        return L.icon({
            iconUrl: section.dataset.markerIcon,
            iconRetinaUrl: section.dataset.markerIconRetina,
            shadowUrl: section.dataset.markerShadow,
            iconSize: [25, 41],
            iconAnchor: [12, 41],
            popupAnchor: [1, -34],
            tooltipAnchor: [16, -28],
            shadowSize: [41, 41],
        });
    }

    function buildMap() {
        var L = window.L;
        var icon = markerIcon(L);
        var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        section.hidden = false;

        var map = L.map(canvas, {
            scrollWheelZoom: false,
            zoomAnimation: !reduceMotion,
            fadeAnimation: !reduceMotion,
            markerZoomAnimation: !reduceMotion,
        });
        var loadedTiles = 0;
        var removed = false;

        function removeMap() {
            if (removed) {
                return;
            }
            removed = true;
            map.remove();
            giveUp();
        }

        var tiles = L.tileLayer(data.tileUrl, {
            attribution: escapeHtml(data.tileAttribution || ""),
            maxZoom: 19,
            referrerPolicy: TILE_REFERRER_POLICY,
        });
        tiles.on("tileload", function () {
            loadedTiles += 1;
        });
        // A tile that fails before any has loaded means the server is not reachable after
        // all; later failures (one missing tile) leave the map in place.
        tiles.on("tileerror", function () {
            if (!loadedTiles) {
                removeMap();
            }
        });
        window.setTimeout(function () {
            if (!loadedTiles) {
                removeMap();
            }
        }, FIRST_TILE_TIMEOUT);
        tiles.addTo(map);

        var bounds = [];
        branches.forEach(function (branch) {
            var position = [branch.latitude, branch.longitude];
            var status = statusText(branch);
            // The image's alt text is the marker's accessible name.
            L.marker(position, {
                icon: icon,
                title: branch.title,
                alt: status ? branch.title + ". " + status : branch.title,
                keyboard: true,
            })
                .bindPopup(popupFor(branch, status))
                .addTo(map);
            bounds.push(position);
        });
        if (bounds.length === 1) {
            map.setView(bounds[0], 15);
        } else {
            map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
        }
    }

    var probeUrl = tileUrlFor(branches[0].latitude, branches[0].longitude, PROBE_ZOOM);
    if (!probeUrl) {
        giveUp();
        return;
    }
    var probe = new Image();
    probe.referrerPolicy = TILE_REFERRER_POLICY;
    var settled = false;
    var timer = window.setTimeout(function () {
        settle(false);
    }, PROBE_TIMEOUT);

    function settle(loaded) {
        if (settled) {
            return;
        }
        settled = true;
        window.clearTimeout(timer);
        probe.onload = probe.onerror = null;
        if (!loaded) {
            giveUp();
            return;
        }
        try {
            buildMap();
        } catch (error) {
            giveUp();
        }
    }

    probe.onload = function () {
        settle(true);
    };
    probe.onerror = function () {
        settle(false);
    };
    probe.src = probeUrl;
})();
