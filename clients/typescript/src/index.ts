export * from "./client.g.js";
