/* Lemniscaat: the one way the pages' scripts post JSON to the server (chat.js,
   chat_privacy.js, practice.js). Same-origin, with the page's CSRF token; resolves with the
   answer's JSON, rejects with the server's Dutch error text (or a general one) and the HTTP
   status (none when the request never got an answer). */
(function () {
  "use strict";
  var GENERAL_ERROR = "Er ging iets mis. Probeer het nog eens.";

  function postJson(url, body) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRF-Token": meta ? meta.getAttribute("content") : ""
      },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || GENERAL_ERROR);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  window.Lemniscaat = window.Lemniscaat || {};
  window.Lemniscaat.postJson = postJson;
})();
