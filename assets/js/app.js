// Framing Lens dashboard behaviour. Everything here is an enhancement: each
// page works without JavaScript. Loaded from /assets/js/app.js so the pages
// run under a Content-Security-Policy of script-src 'self' (no inline
// scripts, no inline event handlers, no eval).
(function () {
  "use strict";

  // csrfToken reads the token the layout puts in <meta name="csrf-token">.
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") || "" : "";
  }

  // Send the CSRF token with every htmx request, as a header, so that
  // requests without a form (polling, hx-get) pass the same check.
  document.addEventListener("htmx:configRequest", function (evt) {
    var token = csrfToken();
    if (token && evt.detail && evt.detail.headers) {
      evt.detail.headers["X-CSRF-Token"] = token;
    }
  });

  // Upload progress: htmx reports the XHR's upload progress on the form;
  // show it in the form's <progress data-upload-progress>.
  function progressOf(elt) {
    var form = elt && elt.closest ? elt.closest("form") : null;
    return form ? form.querySelector("progress[data-upload-progress]") : null;
  }
  document.addEventListener("htmx:beforeRequest", function (evt) {
    var bar = progressOf(evt.target);
    if (bar) {
      bar.value = 0;
      bar.textContent = "0%";
    }
  });
  document.addEventListener("htmx:xhr:progress", function (evt) {
    var bar = progressOf(evt.target);
    var d = evt.detail || {};
    if (bar && d.lengthComputable && d.total > 0) {
      var pct = Math.round((d.loaded / d.total) * 100);
      bar.value = pct;
      bar.textContent = pct + "%";
    }
  });

  // htmx does not swap error responses by default. Forms marked
  // data-swap-errors show them anyway: an upload whose every item was
  // rejected (422) or that was too large (413) answers with a results panel
  // the user must see.
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var d = evt.detail || {};
    // detail.elt is the swap target; the requesting form is requestConfig.elt.
    var src = (d.requestConfig && d.requestConfig.elt) || d.elt;
    var elt = src && src.closest ? src.closest("[data-swap-errors]") : null;
    var status = d.xhr ? d.xhr.status : 0;
    if (elt && status >= 400 && status < 500) {
      d.shouldSwap = true;
      d.isError = false;
    }
  });

  // describeFiles writes how many files are chosen, and their names.
  function describeFiles(input) {
    var zone = document.querySelector('label[for="' + input.id + '"] [data-dropzone-files]');
    if (!zone) {
      return;
    }
    var files = input.files || [];
    if (files.length === 0) {
      zone.textContent = "";
      return;
    }
    var names = [];
    for (var i = 0; i < files.length && i < 5; i++) {
      names.push(files[i].name);
    }
    var more = files.length > 5 ? ", and " + (files.length - 5) + " more" : "";
    zone.textContent = files.length + (files.length === 1 ? " file: " : " files: ") + names.join(", ") + more;
  }

  // Drop zones: the label of a file input, styled as a zone. Dropping files
  // on it sets the input's files; the input itself stays keyboard-usable.
  function initDropzones(root) {
    var zones = root.querySelectorAll("label[data-dropzone]");
    zones.forEach(function (zone) {
      if (zone.dataset.dropzoneReady) {
        return;
      }
      zone.dataset.dropzoneReady = "1";
      var input = document.getElementById(zone.getAttribute("for"));
      if (!input) {
        return;
      }
      input.addEventListener("change", function () { describeFiles(input); });
      ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (e) {
          e.preventDefault();
          zone.classList.add("dragover");
        });
      });
      ["dragleave", "dragend"].forEach(function (name) {
        zone.addEventListener(name, function () { zone.classList.remove("dragover"); });
      });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        zone.classList.remove("dragover");
        if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) {
          input.files = e.dataTransfer.files;
          describeFiles(input);
        }
      });
    });
  }

  // Forms with data-confirm ask before they submit (deletes).
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var msg = form && form.getAttribute ? form.getAttribute("data-confirm") : null;
    if (msg && !window.confirm(msg)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  // "Select all" checkboxes: hidden without JavaScript, they toggle every
  // checkbox of the given name that belongs to the given form.
  function initSelectAll(root) {
    root.querySelectorAll("input[data-select-all]").forEach(function (all) {
      if (all.dataset.selectAllReady) {
        return;
      }
      all.dataset.selectAllReady = "1";
      all.hidden = false;
      var name = all.getAttribute("data-select-all");
      var formID = all.getAttribute("data-form");
      function boxes() {
        return Array.prototype.filter.call(
          document.querySelectorAll('input[type="checkbox"]'),
          function (b) {
            return b !== all && b.name === name && (!formID || b.getAttribute("form") === formID);
          });
      }
      all.addEventListener("change", function () {
        boxes().forEach(function (b) { b.checked = all.checked; });
      });
    });
  }

  function init(root) {
    initDropzones(root);
    initSelectAll(root);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (evt) {
    init(evt.target && evt.target.querySelectorAll ? evt.target : document);
  });
})();
