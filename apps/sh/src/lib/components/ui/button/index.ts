import Root, { buttonVariants, type ButtonProps } from './button.svelte';

export { Root, Root as Button, buttonVariants, type ButtonProps };
