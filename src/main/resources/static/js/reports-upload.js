// Upload progress for the report forms, where JavaScript runs: the same multipart POST, sent with XMLHttpRequest
// so that a progress bar can follow it. Without JavaScript (or if this fails to start) the form posts as usual.
(function () {
    'use strict';
    var form = document.querySelector('form.report-form');
    var bar = form && form.querySelector('progress.upload-progress');
    if (!form || !bar || !window.FormData || !window.XMLHttpRequest) {
        return;
    }
    form.addEventListener('submit', function (event) {
        var files = form.querySelector('input[type=file]');
        if (!files || files.files.length === 0) {
            return; // nothing to follow: the plain post is as quick
        }
        event.preventDefault();
        var button = form.querySelector('button[type=submit]');
        if (button) {
            button.disabled = true;
        }
        bar.hidden = false;
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action);
        xhr.upload.addEventListener('progress', function (e) {
            if (e.lengthComputable) {
                bar.value = Math.round(e.loaded * 100 / e.total);
            }
        });
        xhr.addEventListener('load', function () {
            if (xhr.status < 400 && xhr.responseURL && xhr.responseURL !== form.action) {
                window.location.assign(xhr.responseURL);
                return;
            }
            document.open();
            document.write(xhr.responseText);
            document.close();
        });
        xhr.addEventListener('error', function () {
            bar.hidden = true;
            if (button) {
                button.disabled = false;
            }
            form.submit();
        });
        xhr.send(new FormData(form));
    });
}());
