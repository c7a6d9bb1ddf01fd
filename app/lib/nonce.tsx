import { createContext, useContext } from "react";

/** The per-request CSP nonce (server/security.ts sets it; entry.server provides it). */
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
