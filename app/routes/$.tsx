
import { GeneralErrorBoundary } from "~/components/error-boundary";

/** Every unknown path renders the localised 404 page through the error boundary. */
export const handle = { title: "common:errors.404.title" };

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export async function action() {
  throw new Response("Not found", { status: 404 });
}


export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
