// The API page: Swagger UI (vendored, see vendor/README.md) over sitrep's own OpenAPI document.
// The validator badge is off: it would send the document to a third-party service.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
