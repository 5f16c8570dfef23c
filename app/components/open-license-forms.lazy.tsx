// The open license's forms as the patent page uses them, loaded after the page: most visitors use none of them
// (a guest sees one link, a company one form, the owner's staff two), and the page hydrates without waiting for
// them. The server renders them in place, so nothing moves when their code arrives.
import { lazy, Suspense, type ComponentProps } from "react";
import type * as Forms from "./open-license-forms";

const forms = () => import("./open-license-forms");
const LazyDeclare = lazy(() => forms().then((module) => ({ default: module.DeclareOpenLicenseForm })));
const LazyWithdraw = lazy(() => forms().then((module) => ({ default: module.WithdrawOpenLicenseForm })));
const LazyTake = lazy(() => forms().then((module) => ({ default: module.TakeOpenLicenseForm })));
const LazySignIn = lazy(() => forms().then((module) => ({ default: module.SignInToTake })));

export function DeclareOpenLicenseForm(props: ComponentProps<typeof Forms.DeclareOpenLicenseForm>) {
  return <Suspense fallback={null}><LazyDeclare {...props} /></Suspense>;
}

export function WithdrawOpenLicenseForm(props: ComponentProps<typeof Forms.WithdrawOpenLicenseForm>) {
  return <Suspense fallback={null}><LazyWithdraw {...props} /></Suspense>;
}

export function TakeOpenLicenseForm(props: ComponentProps<typeof Forms.TakeOpenLicenseForm>) {
  return <Suspense fallback={null}><LazyTake {...props} /></Suspense>;
}

export function SignInToTake() {
  return <Suspense fallback={null}><LazySignIn /></Suspense>;
}
