// Served at /docs/swagger-initializer.js in place of the distribution's own, which loads the
// public demo API: Swagger UI renders the document this API serves. Local only (make run), see README.

// "Try it out" calls the API that serves this page, whatever its port: its origin is put first in
// the document's servers (the default choice), before the deployed and default local ones.
const ThisLocalApi = () => ({
  statePlugins: {
    spec: {
      wrapActions: {
        updateJsonSpec: (original) => (spec) => {
          if (!spec || !spec.openapi) {
            return original(spec);
          }
          const here = window.location.origin;
          const servers = [{ url: here, description: "This local API (make run), which serves this page" }]
            .concat((spec.servers || []).filter((server) => server.url !== here));
          return original(Object.assign({}, spec, { servers: servers }));
        },
      },
    },
  },
});

window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl, ThisLocalApi],
    layout: "BaseLayout",
    // No badge from the online validator: the page must work without the internet.
    validatorUrl: null,
    // A token pasted into "Authorize" survives a reload of the page.
    persistAuthorization: true,
    displayRequestDuration: true,
    filter: true
  });
};
