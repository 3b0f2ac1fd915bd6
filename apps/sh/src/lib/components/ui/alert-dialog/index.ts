import { AlertDialog as AlertDialogPrimitive } from 'bits-ui';
import Content from './alert-dialog-content.svelte';

const Root = AlertDialogPrimitive.Root;
const Title = AlertDialogPrimitive.Title;
const Description = AlertDialogPrimitive.Description;
const Action = AlertDialogPrimitive.Action;
const Cancel = AlertDialogPrimitive.Cancel;

export { Root, Content, Title, Description, Action, Cancel };
