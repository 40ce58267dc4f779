// Served at /docs/swagger-initializer.js in place of the distribution's own, which loads the
// public demo API: Swagger UI renders the document this API serves. Local only (make run), see README.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "BaseLayout",
    // No badge from the online validator: the page must work without the internet.
    validatorUrl: null,
    // A token pasted into "Authorize" survives a reload of the page.
    persistAuthorization: true,
    displayRequestDuration: true,
    filter: true
  });
};
