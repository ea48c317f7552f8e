/**
 * The hub's GraphQL explorer: GraphiQL with every asset served by the hub, a
 * token field, and one tab per file of schema/operations/ (the hub's trusted
 * operations) so a newcomer starts from working examples.
 */
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { StrictMode, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { hubFetcher } from "./fetcher.js";
import "./explorer.css";

const ENDPOINT = "/graphql";
const TOKEN_KEY = "emhub.token";

interface ExampleFile {
  file: string;
  document: string;
}

function Explorer({ examples }: { examples: ExampleFile[] }) {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? "");
  const current = useMemo(() => ({ token }), [token]);
  const fetcher = useMemo(() => hubFetcher(ENDPOINT, () => current.token), [current]);
  const tabs = examples.map((example) => ({ query: `# schema/operations/${example.file}\n${example.document}` }));
  return (
    <div className="explorer">
      <header className="token-bar">
        <strong>emhub</strong>
        <label htmlFor="token">Bearer token</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          placeholder="paste a token (npm run emhub -- token --help); empty: anonymous"
          value={token}
          onChange={(event) => {
            setToken(event.target.value.trim());
            sessionStorage.setItem(TOKEN_KEY, event.target.value.trim());
          }}
        />
        <span className="who">{token ? "signed in" : "anonymous"}</span>
      </header>
      <GraphiQL fetcher={fetcher} defaultTabs={tabs.length ? tabs : undefined} defaultEditorToolsVisibility="variables" shouldPersistHeaders={false} />
    </div>
  );
}

async function examples(): Promise<ExampleFile[]> {
  try {
    const response = await fetch("/explorer/operations.json");
    return response.ok ? ((await response.json()) as ExampleFile[]) : [];
  } catch {
    return [];
  }
}

createRoot(document.getElementById("explorer")!).render(
  <StrictMode>
    <Explorer examples={await examples()} />
  </StrictMode>,
);
