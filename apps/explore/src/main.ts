import {
  LoginDocument,
  NetworkTradersWithDocument,
  RequestIntroductionDocument,
  SearchSuppliersDocument,
  SupplierShortlistDocument,
  TradeGraphClient,
} from '../../../clients/typescript/src/index.js';
import { drawNetwork, Trader } from './network-graph.js';
import { drawLegend, drawShortlist } from './shortlist-list.js';

/** Set by the server: the demo login and supplier in development, how to send under trusted documents. */
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

const client = new TradeGraphClient({
  url: new URL('/graphql', window.location.href).href,
  send: meta('tradegraph-send') === 'documentId' ? 'documentId' : 'text',
});
const loginForm = $<HTMLFormElement>('#login');
const supplierForm = $<HTMLFormElement>('#supplier');
const supplierInput = supplierForm.elements.namedItem('text') as HTMLInputElement;
const options = $<HTMLDataListElement>('#supplier-options');
let viewerName = '';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
function show(target: HTMLElement, text: string, isError = false): void {
  target.textContent = text;
  target.classList.toggle('error', isError);
}

(loginForm.elements.namedItem('email') as HTMLInputElement).value = meta('tradegraph-demo-email');
(loginForm.elements.namedItem('password') as HTMLInputElement).value = meta('tradegraph-demo-password');
supplierInput.value = meta('tradegraph-demo-supplier');

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(loginForm);
  const status = $('#login-status');
  show(status, 'Signing in…');
  try {
    const { login } = await client.request(LoginDocument, {
      input: { email: String(form.get('email')), password: String(form.get('password')) },
    });
    client.useToken(login.accessToken);
    viewerName = login.person.name;
    show(status, `Signed in as ${viewerName}`);
    supplierForm.hidden = false;
    $('#shortlist').hidden = false;
    await loadShortlist();
  } catch (error) {
    show(status, errorText(error), true);
  }
});

// Typing a name offers matching suppliers; the chosen option's value is the supplier id.
supplierInput.addEventListener('input', async () => {
  const text = supplierInput.value.trim();
  if (text.length < 2) return;
  const { searchSuppliers } = await client.request(SearchSuppliersDocument, { text, first: 8 });
  options.replaceChildren(
    ...searchSuppliers.edges.map(({ node }) => Object.assign(new Option(node.name, node.id), { label: node.name })),
  );
});

/** The id in the box, else the first supplier a search for its text finds. */
async function supplierId(text: string): Promise<string> {
  if ([...options.options].some((option) => option.value === text)) return text;
  const { searchSuppliers } = await client.request(SearchSuppliersDocument, { text, first: 1 });
  return searchSuppliers.edges[0]?.node.id ?? text;
}

supplierForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = $('#supplier-status');
  show(status, 'Loading…');
  try {
    const id = await supplierId(supplierInput.value.trim());
    const { networkTradersWith } = await client.request(NetworkTradersWithDocument, {
      supplierId: id,
      maxDegree: 3,
      first: 50,
    });
    const traders = networkTradersWith.edges.map((edge) => edge.node);
    const more = networkTradersWith.totalCount > traders.length ? ` (the first ${traders.length} drawn)` : '';
    show(status, `${networkTradersWith.totalCount} people in your network traded with ${id}${more}`);
    $('#graph').replaceChildren(drawNetwork(viewerName, traders, (trader) => offerIntroduction(trader, id)));
    show($('#introduction'), 'Click a trader (orange) to ask for an introduction.');
  } catch (error) {
    show(status, errorText(error), true);
  }
});

/** An introduction goes along the drawn path: one or two intermediaries, then the trader, none hidden. */
function offerIntroduction(trader: Trader, supplierId: string): void {
  const target = $('#introduction');
  const hops = trader.path.slice(1);
  const name = trader.person?.name ?? 'this trader';
  if (hops.some((person) => person === null)) return show(target, `The path to ${name} has a hidden person.`);
  if (hops.length < 2 || hops.length > 3) {
    return show(target, `${name} is ${hops.length} connection(s) away: introductions take 2 or 3.`);
  }
  const button = document.createElement('button');
  button.textContent = `Ask for an introduction to ${name} via ${hops
    .slice(0, -1)
    .map((person) => person!.name)
    .join(' → ')}`;
  button.addEventListener('click', async () => {
    try {
      const { requestIntroduction } = await client.request(RequestIntroductionDocument, {
        input: {
          path: hops.map((person) => person!.id),
          message: `I would like to hear about your trades with ${trader.organization.name}.`,
          supplierId,
        },
      });
      show(target, `Introduction ${requestIntroduction.id}: ${requestIntroduction.status}`);
    } catch (error) {
      show(target, errorText(error), true);
    }
  });
  target.replaceChildren(button);
}

async function loadShortlist(): Promise<void> {
  const categoryId = $<HTMLInputElement>('#category').value.trim();
  const list = $<HTMLOListElement>('#shortlist ol');
  try {
    const { supplierShortlist } = await client.request(SupplierShortlistDocument, {
      categoryId,
      maxDegree: 2,
      first: 5,
    });
    drawShortlist(
      list,
      supplierShortlist.edges.map((edge) => edge.node),
    );
  } catch (error) {
    list.replaceChildren(errorText(error));
  }
}
drawLegend($('#shortlist .legend'));
$('#category').addEventListener('change', loadShortlist);
