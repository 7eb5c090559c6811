import { render } from 'preact';
import { PrivacyPage } from '@/components/privacy/PrivacyPage';

render(<PrivacyPage />, document.getElementById('app')!);
