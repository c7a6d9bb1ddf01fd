/** The subscription view: where each contract stands, what to do next, and what it did for the customer. */
export * from "./types";
export * from "./policy";
export * from "./standing";
export * from "./next-action";
export * from "./attention";
export * from "./months";
export * from "./recap";
export * from "./adoption";
export * from "./risk";
export * from "./view";
