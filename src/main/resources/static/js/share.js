// The share links (fragments/share.html) where JavaScript runs: a button copies the page's address, and the
// Signal link (Signal has no share address) opens the phone's share sheet, or else copies the address. Without
// JavaScript the links still work and the address stands in a field to copy by hand.
(function () {
    'use strict';
    var boxes = document.querySelectorAll('.share[data-share-url]');
    Array.prototype.forEach.call(boxes, function (box) {
        var url = box.getAttribute('data-share-url');
        var title = box.getAttribute('data-share-title') || '';
        var field = box.querySelector('.share-copy input');
        var button = box.querySelector('.share-copy-button');
        var status = box.querySelector('.share-status');

        function say(text) {
            if (status) {
                status.textContent = text;
            }
        }

        function copy(message) {
            var done = function () { say(message); };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(url).then(done, function () { selectField(); });
            } else {
                selectField();
                try {
                    if (document.execCommand('copy')) {
                        done();
                    }
                } catch (e) {
                    // the field stays selected for copying by hand
                }
            }
        }

        function selectField() {
            if (field) {
                field.focus();
                field.select();
            }
        }

        if (button) {
            button.hidden = false;
            button.addEventListener('click', function () {
                copy(box.getAttribute('data-copied'));
            });
        }
        var signal = box.querySelector('.share-signal');
        if (signal) {
            signal.addEventListener('click', function (event) {
                event.preventDefault();
                if (navigator.share) {
                    navigator.share({ title: title, url: url }).catch(function () { /* cancelled */ });
                } else {
                    copy(box.getAttribute('data-signal-copied'));
                }
            });
        }
    });
}());
