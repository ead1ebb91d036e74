import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createFetcher } from './fetcher.js';

/** Set by the server in development, when the demo accounts exist. */
const demo = {
  email: document.querySelector<HTMLMetaElement>('meta[name="tradegraph-demo-email"]')?.content ?? '',
  password: document.querySelector<HTMLMetaElement>('meta[name="tradegraph-demo-password"]')?.content ?? '',
};

const LOGIN = `# Log in, then put the token into the Headers tab below:
#   { "Authorization": "Bearer <accessToken>" }
mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) {
    accessToken
    expiresIn
    person { id name }
  }
}`;

const ME = `query Me {
  me {
    name
    headline
    employments(first: 5) { totalCount edges { node { title organization { name } } } }
  }
}`;

const NOTIFICATIONS = `# Live notifications of the signed-in person (graphql-ws on the same path).
subscription Notifications {
  notificationAdded { id kind createdAt actor { name } }
}`;

let token: string | null = null;
const fetcher = createFetcher(() => token);

function DemoLogin() {
  const [state, setState] = useState<string>('');
  if (!demo.email) return null;
  const login = async () => {
    setState('Signing in…');
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken person { name } } }',
        variables: { email: demo.email, password: demo.password },
      }),
    });
    const body = (await response.json()) as {
      data?: { login?: { accessToken: string; person: { name: string } } };
      errors?: { message: string }[];
    };
    if (body.data?.login) {
      token = body.data.login.accessToken;
      setState(
        `Signed in as ${body.data.login.person.name}: every request carries this token unless the Headers tab sets one.`,
      );
    } else {
      setState(`Sign-in failed: ${body.errors?.[0]?.message ?? response.status}`);
    }
  };
  return (
    <div className="tradegraph-demo">
      <strong>Development</strong>
      <button type="button" onClick={() => void login()}>
        Log in as the demo buyer ({demo.email})
      </button>
      <span role="status">{state}</span>
    </div>
  );
}

function App() {
  return (
    <div className="tradegraph-ide">
      <DemoLogin />
      <GraphiQL
        fetcher={fetcher}
        defaultTabs={[
          { query: ME },
          {
            query: LOGIN,
            variables: JSON.stringify(
              { email: demo.email || 'you@example.com', password: demo.password || '' },
              null,
              2,
            ),
          },
          { query: NOTIFICATIONS },
        ]}
        defaultEditorToolsVisibility
      />
    </div>
  );
}

createRoot(document.getElementById('graphiql')!).render(<App />);
