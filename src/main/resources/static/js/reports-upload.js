// Upload progress for the report forms, where JavaScript runs. Each chosen file is sent as a resumable upload (the
// core of the tus protocol, docs/media.md): in pieces of 5 MB, each piece retried after asking the server how far it
// got, so a slow or broken connection resumes instead of starting again; then the form is posted with the finished
// upload ids in "uploads" fields instead of the files. Without JavaScript (or if this fails to start) the form posts
// as a plain multipart form.
(function () {
    'use strict';
    var form = document.querySelector('form.report-form');
    var bar = form && form.querySelector('progress.upload-progress');
    if (!form || !bar || !form.dataset.uploads || !window.fetch || !window.FormData || !window.XMLHttpRequest || !window.Blob) {
        return;
    }
    var TUS = {'Tus-Resumable': '1.0.0'};
    var RETRIES = 8;
    var failure = form.querySelector('.upload-error');

    function chunkSize() {
        var size = parseInt(form.dataset.chunk || '', 10);
        return size > 0 ? size : 5 * 1024 * 1024;
    }

    function headers(more) {
        var all = {'Tus-Resumable': TUS['Tus-Resumable']};
        Object.keys(more || {}).forEach(function (k) { all[k] = more[k]; });
        return all;
    }

    function wait(ms) {
        return new Promise(function (resolve) { setTimeout(resolve, ms); });
    }

    // A refusal the server explains (problem detail): stop and show it; anything else may be retried.
    function Refused(message) {
        this.message = message;
    }

    function refusal(response) {
        return response.json().then(function (problem) {
            throw new Refused(problem.detail || problem.title);
        }, function () {
            throw new Refused(form.dataset.uploadFailed);
        });
    }

    function start(file) {
        return fetch(form.dataset.uploads, {method: 'POST', credentials: 'same-origin',
            headers: headers({'Upload-Length': String(file.size)})}).then(function (response) {
            if (response.status !== 201) {
                return refusal(response);
            }
            return response.headers.get('Location');
        });
    }

    function offsetOf(location) {
        return fetch(location, {method: 'HEAD', credentials: 'same-origin', headers: headers(), cache: 'no-store'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Refused(form.dataset.uploadFailed);
                }
                return parseInt(response.headers.get('Upload-Offset'), 10);
            });
    }

    function send(file, location, offset, done, attempt) {
        if (offset >= file.size) {
            return Promise.resolve();
        }
        var piece = file.slice(offset, Math.min(file.size, offset + chunkSize()));
        return fetch(location, {method: 'PATCH', credentials: 'same-origin', body: piece,
            headers: headers({'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream'})})
            .then(function (response) {
                if (response.status === 204) {
                    var next = parseInt(response.headers.get('Upload-Offset'), 10);
                    done(next);
                    return send(file, location, next, done, 0);
                }
                if (response.status === 409 || response.status >= 500) {
                    throw new Error('retry');
                }
                return refusal(response);
            })
            .catch(function (error) {
                if (error instanceof Refused || attempt >= RETRIES) {
                    throw error instanceof Refused ? error : new Refused(form.dataset.uploadFailed);
                }
                // the connection broke or the offset moved: ask how far the server got, and go on from there
                return wait(Math.min(30000, 1000 * Math.pow(2, attempt)))
                    .then(function () { return offsetOf(location); })
                    .then(function (at) { done(at); return send(file, location, at, done, attempt + 1); },
                        function (e) { if (e instanceof Refused) { throw e; } return send(file, location, offset, done, attempt + 1); });
            });
    }

    function uploadAll(files) {
        var total = 0, sent = [], ids = [];
        files.forEach(function (f) { total += f.size; sent.push(0); });
        var chain = Promise.resolve();
        files.forEach(function (file, i) {
            chain = chain.then(function () { return start(file); }).then(function (location) {
                ids.push(location.substring(location.lastIndexOf('/') + 1));
                return send(file, location, 0, function (at) {
                    sent[i] = at;
                    bar.value = Math.round(sent.reduce(function (a, b) { return a + b; }, 0) * 100 / Math.max(1, total));
                }, 0);
            });
        });
        return chain.then(function () { return ids; });
    }

    function post(ids) {
        var data = new FormData(form);
        data.delete('files');
        ids.forEach(function (id) { data.append('uploads', id); });
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action);
        xhr.addEventListener('load', function () {
            if (xhr.status < 400 && xhr.responseURL && xhr.responseURL !== form.action) {
                window.location.assign(xhr.responseURL);
                return;
            }
            document.open();
            document.write(xhr.responseText);
            document.close();
        });
        xhr.addEventListener('error', function () { fail(form.dataset.uploadFailed); });
        xhr.send(data);
    }

    var button = form.querySelector('button[type=submit]');

    function fail(message) {
        bar.hidden = true;
        if (button) {
            button.disabled = false;
        }
        if (failure) {
            failure.textContent = message;
            failure.hidden = false;
        }
    }

    form.addEventListener('submit', function (event) {
        var input = form.querySelector('input[type=file]');
        if (!input || input.files.length === 0) {
            return; // nothing to upload: the plain post is as quick
        }
        event.preventDefault();
        if (button) {
            button.disabled = true;
        }
        if (failure) {
            failure.hidden = true;
        }
        bar.value = 0;
        bar.hidden = false;
        uploadAll(Array.prototype.slice.call(input.files)).then(post, function (error) {
            fail(error instanceof Refused ? error.message : form.dataset.uploadFailed);
        });
    });
}());
