import { render } from 'preact';
import { ReportsPage } from '@/components/reports/ReportsPage';

render(<ReportsPage />, document.getElementById('app')!);
