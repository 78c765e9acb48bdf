import type { MetadataRoute } from "next";
import id from "@/messages/id.json";

/**
 * The web app manifest (Next's app/manifest.ts convention, served at /manifest.webmanifest): the
 * name and colours a phone shows when an officer adds the portal to the home screen. Indonesian,
 * the portal's first language; the words come from the catalogue.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: `${id.appName} — ${id.tagline}`,
    short_name: id.appName,
    description: id.tagline,
    lang: "id",
    start_url: "/beranda",
    scope: "/",
    display: "standalone",
    // brand-700 (app/globals.css) and the pages' slate-50.
    theme_color: "#065f46",
    background_color: "#f8fafc",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/favicon.ico", sizes: "32x32", type: "image/x-icon" },
    ],
  };
}
