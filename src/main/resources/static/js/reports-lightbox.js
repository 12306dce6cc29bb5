// A lightbox for the gallery and the event page, where JavaScript runs: a photo's link opens it over the page
// (Escape, a click or the close button closes it). Without JavaScript the link simply opens the photo.
(function () {
    'use strict';
    var links = document.querySelectorAll('a.lightbox');
    if (links.length === 0) {
        return;
    }
    var box = document.createElement('div');
    box.className = 'lightbox-overlay';
    box.hidden = true;
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    var image = document.createElement('img');
    image.alt = '';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'lightbox-close';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close');
    box.appendChild(close);
    box.appendChild(image);
    document.body.appendChild(box);
    var opener = null;
    function hide() {
        box.hidden = true;
        image.removeAttribute('src');
        if (opener) {
            opener.focus();
        }
    }
    box.addEventListener('click', hide);
    document.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && !box.hidden) {
            hide();
        }
    });
    Array.prototype.forEach.call(links, function (link) {
        link.addEventListener('click', function (e) {
            e.preventDefault();
            opener = link;
            image.src = link.href;
            box.hidden = false;
            close.focus();
        });
    });
}());
