// Names shared by the integration global setup and the per-file setup.
export const TEMPLATE_DATABASE = "pac_template";
