'use client';
import { createContext, useContext, useState, type ReactNode } from 'react';

// The edit form and the workflow buttons act on the same row, each under optimistic concurrency. Whichever saves
// or moves it learns the new version and tells the other, so "save, then submit" does not trip over its own save.
// Versions only grow, so the newest of what the server rendered and what this page learned is the current one.

const VersionContext = createContext<{ version: number; learn: (v: number) => void } | null>(null);

export function VersionProvider({ serverVersion, children }: { serverVersion: number; children: ReactNode }) {
  const [learned, setLearned] = useState(serverVersion);
  const version = Math.max(learned, serverVersion);
  return (
    <VersionContext.Provider value={{ version, learn: (v) => setLearned((old) => Math.max(old, v)) }}>
      {children}
    </VersionContext.Provider>
  );
}

export function useSharedVersion() {
  return useContext(VersionContext);
}
