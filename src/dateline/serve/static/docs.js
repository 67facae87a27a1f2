// The API reference, from the server's own OpenAPI document (no CDN: Swagger UI is vendored).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
